#!/bin/sh
printenv HOME PATH SHELL
