"""Reads that depend on who asks, by concept; every one takes the principal."""
