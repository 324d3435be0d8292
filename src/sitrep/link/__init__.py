"""Linking across articles: near-duplicates, stories, propositions, stance."""
