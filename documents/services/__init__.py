"""Writes of the documents app: requests (views) and rendering (the task)."""
