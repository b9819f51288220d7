"""What the daily link check found, kept per link with its history and where it is used.

The engine (core.links) checks addresses; this package finds the addresses in published
content, stores each outcome, and decides when a failing link is called broken."""
