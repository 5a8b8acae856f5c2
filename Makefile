# rnnsh — the two commands the README opens with, and their helpers.
#   make demo   replay the tutorial (sessions/article.rnn), training included
#   make test   build and run every test: unit tests, golden numpy output, session transcripts
# Both install missing Debian packages first (as root; otherwise they print the apt command).

SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/rnnsh
# Build: readline, zlib, libcurl (dataset downloads), libhdf5 (Keras model files); the engine's matrix products are its own
# (Sources/CKernels). Tests: tmux and less (keystroke tests, the help pager), the Fashion-MNIST package
# (a small real training test), python3 with numpy (round trips with numpy itself).
APT_PKGS   := libreadline-dev zlib1g-dev libcurl4-openssl-dev libopenblas-dev libhdf5-dev tmux less dataset-fashion-mnist

.PHONY: demo test bench build deps pydeps docs

deps:
	@missing=""; \
	for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "rnnsh needs these Debian packages; run:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps pydeps
	$(SWIFT) build -c $(CONFIG)

demo: build
	$(BIN) sessions/article.rnn

test: build
	$(SWIFT) test -c $(CONFIG)
	$(BIN) --check sessions/*.rnn

bench: build
	$(BIN) bench

docs: build
	$(BIN) docs > docs/commands.md

# Tests round-trip files through numpy itself (numpy reads ours, we read numpy's).
pydeps:
	@python3 -c 'import numpy' 2>/dev/null || python3 -m pip install -q 'numpy>=2.4'
