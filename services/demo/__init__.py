"""Synthetic demo data for careloop (no real patients, no real reviews)."""
