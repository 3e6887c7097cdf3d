#!/bin/sh
# Print the query plan for a SQL file.
psql -X -c "EXPLAIN $(cat "$1")"
