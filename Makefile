# Quartermaster: `make run` and `make test` are all a new user needs.
# Both install the C libraries (and rsvg-convert, which the chart tests render with) first
# when they are missing (Debian/Ubuntu).

SWIFT    ?= swift
OUT      ?= out
APT_PKGS := libcsv-dev libgsl-dev pkg-config librsvg2-bin
SUDO     := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
BIN      := .build/release/quartermaster

.PHONY: deps build run test render-check bench-ingest bench-accuracy spark-check clean

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

bench-ingest: build
	bash Benchmarks/ingest/run.sh

bench-accuracy: build
	bash Benchmarks/accuracy/run.sh

# The PySpark job (local[2], own venv, Java 17) gives the plain CLI's forecasts on the demo data.
spark-check: build
	bash Benchmarks/spark/run_local.sh

clean:
	rm -rf .build $(OUT)
