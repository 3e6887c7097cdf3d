#!/bin/sh
curl -sf -F "file=@build/report.html" https://reports.internal.example/upload
