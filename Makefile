# zonesite: plain Makefile.  `make site` builds the demo zone into public/,
# `make test` runs the whole suite.  Missing packages are installed here
# (apt-get as root, or through sudo), never by hand.

CC       ?= cc
PKGS      = libcmark yaml-0.1
CSTD      = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN      = -Wall -Wextra -Werror
OPT      ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(EXTRA_LDFLAGS)

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


# The demo zone is shown as on this day, so it always looks the same.
NOW      ?= 2025-10-01

.PHONY: all site deps test-deps test clean asan valgrind regress-rebuild \
	bad-rebuild install

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

site: $(ZONESITE)
	./$(ZONESITE) build -C content -o public --now $(NOW)

# What the test suite needs beyond the build: Java for the Nu Html
# Checker, Node.js and npm for the validators and the browser driver.
test-deps:
	@sh tests/tools/need java default-jre-headless
	@sh tests/tools/need npm nodejs npm
	@sh tests/tools/need chromium chromium
	@if [ ! -f tests/node_modules/.package-lock.json ] || \
	    [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then \
	  echo "zonesite: installing test tools from npm (tests/package.json)"; \
	  (cd tests && npm ci --no-audit --no-fund --loglevel=error) || exit 1; \
	fi

test: test-deps $(BIN) $(UNIT_BINS) $(SPEC_BIN)
	@BUILD=$(BUILD) ZONESITE=$(BIN) sh tests/harness

# The same suite against a build with AddressSanitizer and UBSan.
asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test

# The demo build under valgrind: no error, nothing definitely lost.
valgrind: $(BIN)
	@sh tests/tools/apt-install valgrind
	valgrind -q --error-exitcode=9 --leak-check=full \
	  --errors-for-leak-kinds=definite $(BIN) build -C content \
	  -o build/valgrind-public --now $(NOW)

regress-rebuild: $(BIN)
	REBUILD=1 ZONESITE=$(BIN) sh tests/regress/run

bad-rebuild: $(BIN)
	REBUILD=1 ZONESITE=$(BIN) sh tests/bad/run

clean:
	rm -rf build $(ZONESITE)
