"""Shared pytest configuration: ``pytester`` drives the Allure reporter tests."""

pytest_plugins = ["pytester"]
