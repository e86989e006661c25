"""Pre-request and test scripts: the ``pm`` API in a sandboxed QuickJS context."""

from harness.scripts.engine import NOT_SET, ScriptContext, ScriptEngine, ScriptOutcome

__all__ = ["NOT_SET", "ScriptContext", "ScriptEngine", "ScriptOutcome"]
