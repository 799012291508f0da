#!/usr/bin/env python3
"""validate_json.py SCHEMA FILE...: validates each FILE (a mapcheck --json output) against the
JSON Schema SCHEMA (docs/mapcheck-output.schema.json); prints each file's verdict, and every
error with where in the document it is; exits 1 if any file fails."""
import json
import sys

import jsonschema


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for name in sys.argv[2:]:
        try:
            with open(name) as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: not JSON: {e}")
            failed += 1
            continue
        # The branch of the top-level oneOf that names the command, for errors that say where.
        branch = schema["$defs"].get(doc.get("command", "") if isinstance(doc, dict) else "")
        errors = []
        if branch is None:
            what = (f"\"command\": {json.dumps(doc.get('command'))}" if isinstance(doc, dict)
                    else f"a JSON {type(doc).__name__}, not an object")
            errors = [f"not an object whose \"command\" this schema knows ({what})"]
        else:
            sub = dict(branch, **{"$defs": schema["$defs"]})
            errors = [f"at /{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
                      for e in jsonschema.Draft202012Validator(sub).iter_errors(doc)]
            if not errors and not validator.is_valid(doc):
                errors = ["matches its command's part but not the schema as a whole"]
        if errors:
            failed += 1
            print(f"{name}: does not match the schema:")
            for e in errors[:20]:
                print(f"  {e}")
        else:
            print(f"{name}: ok ({doc['command']})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
