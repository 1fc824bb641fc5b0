#!/bin/sh
# fuzz: the libFuzzer targets of tests/fuzz/ (see tests/fuzz/run), their
# seeds and regression inputs, then FUZZ_SECONDS (make test: 20) of
# fuzzing each.  make fuzz-bins builds them into FUZZ_BUILD.
exec sh tests/fuzz/run
