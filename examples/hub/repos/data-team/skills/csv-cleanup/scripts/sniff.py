#!/usr/bin/env python3
import csv, sys
with open(sys.argv[1], newline='') as f:
    print(csv.Sniffer().sniff(f.read(4096)).delimiter)
