"""Pages for people without an account: they come in through a personal link."""
