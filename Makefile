# Quartermaster: `make run` and `make test` are all a new user needs.
# Both install the C libraries (and rsvg-convert, which the chart tests render with) first
# when they are missing (Debian/Ubuntu).

SWIFT    ?= swift
OUT      ?= out
APT_PKGS := libcsv-dev libgsl-dev pkg-config librsvg2-bin
SUDO     := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
BIN      := .build/release/quartermaster

.PHONY: deps build run test render-check test-asan test-tsan fuzz-build fuzz bench-ingest bench-accuracy spark-check clean

deps:
	@if [ ! -f /usr/include/csv.h ] || [ ! -f /usr/include/gsl/gsl_errno.h ] || ! command -v pkg-config >/dev/null 2>&1 || ! command -v rsvg-convert >/dev/null 2>&1; then \
		echo "Installing $(APT_PKGS)"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $(APT_PKGS); \
	fi

build: deps
	$(SWIFT) build -c release --product quartermaster

run: build
	$(BIN) run Pipelines/full.yml --out $(OUT)

test: deps
	$(SWIFT) test

# Every chart of the last `make run` drawn by a real renderer into a PNG with pixels.
render-check: deps
	@n=0; for f in $(OUT)/*.svg; do \
		rsvg-convert --format png --output "$$f.png" "$$f" && [ $$(stat -c %s "$$f.png") -gt 1000 ] || { echo "render failed: $$f"; exit 1; }; \
		rm -f "$$f.png"; n=$$((n + 1)); \
	done; echo "rendered $$n charts from $(OUT)/ to PNG"

# The test suite under AddressSanitizer and ThreadSanitizer, each in its own build folder.
# Suppressions for reports outside our code, with the reason for each: Tests/Sanitizers/.
# exitcode=86 keeps a sanitizer report from passing for the CLI's own exit status 1; the
# Swift backtracer is off because under the sanitizers it hung reading a crashed child.
SANITIZER_ENV = SWIFT_BACKTRACE=enable=no
test-asan: deps
	$(SANITIZER_ENV) ASAN_OPTIONS=exitcode=86:detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
		$(SWIFT) test --scratch-path .build-asan --sanitize=address

test-tsan: deps
	$(SANITIZER_ENV) TSAN_OPTIONS="exitcode=86 suppressions=$(CURDIR)/Tests/Sanitizers/tsan.supp" \
		$(SWIFT) test --scratch-path .build-tsan --sanitize=thread

# libFuzzer targets (Fuzz/, see Fuzz/README.md): built only here, with the fuzzer and
# AddressSanitizer, in their own build folder; `swift build` and `make test` never see them.
# `make fuzz` runs each for FUZZ_SECONDS (default 60): make fuzz FUZZ_SECONDS=1800
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_BUILD = QUARTERMASTER_FUZZ=1 $(SWIFT) build --scratch-path $(FUZZ_SCRATCH) -c release \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -g

fuzz-build: deps
	$(FUZZ_BUILD) --product FuzzCSV
	$(FUZZ_BUILD) --product FuzzPipelineYAML

fuzz: fuzz-build
	FUZZ_SCRATCH=$(FUZZ_SCRATCH) bash Fuzz/run.sh csv $(FUZZ_SECONDS)
	FUZZ_SCRATCH=$(FUZZ_SCRATCH) bash Fuzz/run.sh yaml $(FUZZ_SECONDS)

bench-ingest: build
	bash Benchmarks/ingest/run.sh

# DATA is the folder of the reference data sets (hospital.csv): make bench-accuracy DATA=/path/to/data
bench-accuracy: build
	@[ -n "$(DATA)" ] || { echo "give the reference data folder: make bench-accuracy DATA=/path/to/data"; exit 2; }
	bash Benchmarks/accuracy/run.sh --data $(DATA)/hospital.csv

# The PySpark job (local[2], own venv, Java 17) gives the plain CLI's forecasts on the demo data.
spark-check: build
	bash Benchmarks/spark/run_local.sh

clean:
	rm -rf .build .build-asan .build-tsan $(FUZZ_SCRATCH) $(OUT)
