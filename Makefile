# zonesite: plain Makefile.  `make site` builds the demo zone into public/,
# `make test` runs the whole suite.  Missing packages are installed here
# (apt-get as root, or through sudo), never by hand.

CC       ?= cc
PKGS      = libcmark yaml-0.1
CSTD      = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN      = -Wall -Wextra -Werror
OPT      ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# -lm: the map projection (map.c) needs cos, tan and log.
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm $(EXTRA_LDFLAGS)

# BUILD names the object folder so sanitizer builds live beside the normal one.
BUILD    ?= build/release
GEN_MAIN  = generator/main.c
GEN_SRCS  = $(sort $(filter-out $(GEN_MAIN),$(wildcard generator/*.c)))
GEN_OBJS  = $(GEN_SRCS:generator/%.c=$(BUILD)/obj/%.o)
GEN_LIB   = $(BUILD)/libzonesite.a
ZONESITE  = generator/zonesite
BIN       = $(BUILD)/zonesite

UNIT_SRCS = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
SPEC_BIN  = $(BUILD)/tests/mustache-spec

# The memory-safety and fuzzing gates of make test build inside BUILD, so
# each BUILD folder has its own: an AddressSanitizer + UBSan build of the
# generator and its tests, and libFuzzer targets (clang) in tests/fuzz/.
SAN_BUILD  = $(BUILD)/asan
SAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_BUILD = $(BUILD)/fuzz
FUZZ_CC   ?= clang
FUZZ_SRCS  = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS  = $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/%)
# Seconds of fuzzing per target: make test, then make fuzz.
FUZZ_SECONDS ?= 20
FUZZ_LONG    ?= 600


# The demo zone is shown as on this day, so it always looks the same.
NOW      ?= 2025-10-01

.PHONY: all site deps test-deps test clean asan valgrind regress-rebuild \
	bad-rebuild install test-bins san-bins fuzz-deps fuzz-bins fuzz-targets fuzz \
	bench serve publish uninstall

all: $(ZONESITE)

deps:
	@if ! pkg-config --exists $(PKGS) 2>/dev/null; then \
	  echo "zonesite: installing cmark and libyaml development packages"; \
	  sh tests/tools/apt-install libcmark-dev libyaml-dev pkg-config || exit 1; \
	fi

$(BUILD)/obj/%.o: generator/%.c generator/*.h | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(GEN_LIB): $(GEN_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(GEN_LIB)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(ZONESITE): $(BUILD)/zonesite
	cp $< $@

$(BUILD)/tests/%: tests/unit/%.c $(GEN_LIB) tests/unit/check.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Igenerator -o $@ $< $(GEN_LIB) $(LDLIBS_ALL)

$(SPEC_BIN): tests/mustache/spec-runner.c $(GEN_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Igenerator -o $@ $< $(GEN_LIB) $(LDLIBS_ALL)

# A libFuzzer target; built by fuzz-bins, where BUILD is the fuzz build.
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(GEN_LIB)
	$(CC) $(CFLAGS_ALL) -Igenerator -o $@ $< $(GEN_LIB) $(LDLIBS_ALL)

test-bins: $(BIN) $(UNIT_BINS) $(SPEC_BIN)
fuzz-targets: $(FUZZ_BINS)

site: $(ZONESITE)
	./$(ZONESITE) build -C content -o public --now $(NOW)

# make serve and make publish work on SITE (default: the demo, shown as
# on NOW and built into public/ as by make site); another site is shown
# as on today unless NOW is given.
SITE ?= content
PORT ?= 8000
ifeq ($(patsubst %/,%,$(SITE)),content)
SITE_ARGS = -C content --now $(NOW)
SITE_OUT  = -o public
else
SITE_ARGS = -C $(SITE) $(if $(filter command environment,$(origin NOW)),--now $(NOW))
SITE_OUT  =
endif

# A preview of SITE on http://127.0.0.1:PORT/ that rebuilds on every
# save and reloads the open tab (generator/zonesite-serve; README).
serve: $(ZONESITE)
	@sh tests/tools/need inotifywait inotify-tools
	@sh tests/tools/need python3 python3
	@ZONESITE=$(ZONESITE) bash generator/zonesite-serve $(SITE_ARGS) -p $(PORT)

# Builds SITE (every check included) and, only when that succeeded,
# rsyncs it to the target of site.yaml's publish: (generator/publish.h).
publish: $(ZONESITE)
	@sh tests/tools/need rsync rsync
	./$(ZONESITE) publish $(SITE_ARGS) $(SITE_OUT)

# make install [PREFIX=/usr/local] [DESTDIR=]: the generator, the preview
# script, the man page, and the templates and themes the generator finds
# in PREFIX/share/zonesite.  The installed binary is built on its own in
# BUILD/install, with that folder compiled in (render.c: data_dir).
PREFIX  ?= /usr/local
DESTDIR ?=
DATADIR  = $(PREFIX)/share/zonesite
MANDIR   = $(PREFIX)/share/man/man1
INSTALL_BUILD = $(BUILD)/install

install:
	@rm -f $(INSTALL_BUILD)/obj/render.o
	@$(MAKE) --no-print-directory BUILD=$(INSTALL_BUILD) \
	  EXTRA_CFLAGS='-DZONESITE_DATADIR=\"$(DATADIR)\"' $(INSTALL_BUILD)/zonesite
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(DATADIR)"
	install -m 755 $(INSTALL_BUILD)/zonesite "$(DESTDIR)$(PREFIX)/bin/zonesite"
	install -m 755 generator/zonesite-serve "$(DESTDIR)$(PREFIX)/bin/zonesite-serve"
	install -m 644 generator/zonesite.1 "$(DESTDIR)$(MANDIR)/zonesite.1"
	rm -rf "$(DESTDIR)$(DATADIR)/templates" "$(DESTDIR)$(DATADIR)/themes"
	cp -R templates themes "$(DESTDIR)$(DATADIR)/"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/zonesite" "$(DESTDIR)$(PREFIX)/bin/zonesite-serve" \
	  "$(DESTDIR)$(MANDIR)/zonesite.1"
	rm -rf "$(DESTDIR)$(DATADIR)"

# What the test suite needs beyond the build: Java for the Nu Html
# Checker, Node.js and npm for the validators and the browser driver.
test-deps:
	@sh tests/tools/need java default-jre-headless
	@sh tests/tools/need npm nodejs npm
	@sh tests/tools/need chromium chromium
	@sh tests/tools/need pdftotext poppler-utils   # the timeline's printed pages
	@sh tests/tools/need valgrind valgrind
	@sh tests/tools/apt-install python3 python3-yaml
	@sh tests/tools/need inotifywait inotify-tools   # make serve's watch loop
	@sh tests/tools/need rsync rsync                 # zonesite publish
	@sh tests/tools/need groff groff-base            # the man page check
	@sh tests/tools/need man man-db                  # `man zonesite` after make install
	@sh tests/tools/need mandoc mandoc               # mandoc -Tlint of the man page
	@if [ ! -f tests/node_modules/.package-lock.json ] || \
	    [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then \
	  echo "zonesite: installing test tools from npm (tests/package.json)"; \
	  (cd tests && npm ci --no-audit --no-fund --loglevel=error) || exit 1; \
	fi

test: test-deps $(BIN) $(UNIT_BINS) $(SPEC_BIN) san-bins fuzz-bins
	@BUILD=$(BUILD) ZONESITE=$(BIN) SAN_BUILD=$(SAN_BUILD) \
	  FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/harness

# The generator, unit tests and spec runner with AddressSanitizer and UBSan,
# in SAN_BUILD; tests/suites/memory-asan.sh runs the suites against them.
san-bins:
	@$(MAKE) --no-print-directory BUILD=$(SAN_BUILD) \
	  OPT="-O1 -g -fno-omit-frame-pointer" EXTRA_CFLAGS="$(SAN_FLAGS)" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test-bins

# The unit, spec, regress and bad-input suites and a demo build against
# the sanitizer build (make test runs this too, as the memory-asan gate).
asan: san-bins
	SAN_BUILD=$(SAN_BUILD) sh tests/tools/gate sh tests/suites/memory-asan.sh

# libFuzzer needs clang and its runtime (Debian: libclang-rt-14-dev).
FUZZ_PROBE = int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }
fuzz-deps:
	@sh tests/tools/need $(FUZZ_CC) clang
	@mkdir -p $(BUILD)
	@echo '$(FUZZ_PROBE)' | $(FUZZ_CC) -x c -fsanitize=fuzzer - \
	  -o $(BUILD)/fuzz-probe 2>/dev/null || \
	  sh tests/tools/apt-install libclang-rt-14-dev
	@echo '$(FUZZ_PROBE)' | $(FUZZ_CC) -x c -fsanitize=fuzzer - \
	  -o $(BUILD)/fuzz-probe || \
	  { echo "zonesite: $(FUZZ_CC) cannot link libFuzzer" >&2; exit 1; }

# The fuzz targets of tests/fuzz/, linked with the generator built by
# clang with libFuzzer's coverage, ASan and UBSan, in FUZZ_BUILD.
fuzz-bins: fuzz-deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	  OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  EXTRA_LDFLAGS="-fsanitize=fuzzer,address,undefined" fuzz-targets

# Longer fuzzing than make test's: FUZZ_LONG seconds per target.
fuzz: fuzz-bins
	FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_LONG) sh tests/tools/gate sh tests/fuzz/run

# The demo build under valgrind: no error, nothing definitely lost
# (make test runs this too, as the memory-valgrind gate).
valgrind: $(BIN)
	@sh tests/tools/need valgrind valgrind
	ZONESITE=$(BIN) sh tests/tools/gate sh tests/suites/memory-valgrind.sh

# The benchmark against Hugo and the machine's floor (tests/bench/run;
# README "Performance").  Never part of `make test`: speed is measured
# here, not asserted.  BENCH_SIZES, BENCH_RUNS, ... are described there;
# `make bench SIZES="1000 10000 100000" RUNS=3` sets the first two.
bench: $(BIN)
	@sh tests/tools/need hugo hugo
	ZONESITE=$(BIN) BENCH_SIZES="$(or $(SIZES),$(BENCH_SIZES))" \
		BENCH_RUNS="$(or $(RUNS),$(BENCH_RUNS))" \
		/usr/bin/python3 tests/bench/run

regress-rebuild: $(BIN)
	REBUILD=1 ZONESITE=$(BIN) sh tests/regress/run

bad-rebuild: $(BIN)
	REBUILD=1 ZONESITE=$(BIN) sh tests/bad/run

clean:
	rm -rf build $(ZONESITE)
