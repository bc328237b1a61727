#!/usr/bin/env bash
# Converts a golden CSV (the old format of rules-catalog/src/test/resources/golden/*.csv) into the YAML test
# format of `shebao test` (docs/TESTS.md), e.g. after merging a branch that still adds CSV rows:
#   scripts/golden-csv-to-yaml.sh contribution contribution.csv rules-catalog/src/test/resources/cases/contribution.yaml
# It prints the number of cases and of checks; the YAML it writes is then the source of truth.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 3 ] || { echo "usage: $0 contribution|retirement IN.csv OUT.yaml" >&2; exit 2; }
in=$(realpath "$2"); out=$(realpath -m "$3")
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
# one reactor run: rules-catalog's class path is written last, so the file holds it
mvn -B -o -q -pl rules-core,rules-catalog test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >&2
java -cp "rules-catalog/target/test-classes:rules-catalog/target/classes:rules-core/target/classes:$(cat "$cp")" \
    io.shebao.testing.GoldenCsvToYaml "$1" "$in" "$out"
