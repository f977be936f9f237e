"""Tests in real Chromium against the built sample site."""
