#!/bin/sh
# hostile: the hostile-input corpus of tests/hostile/ (see tests/hostile/run).
exec sh tests/hostile/run
