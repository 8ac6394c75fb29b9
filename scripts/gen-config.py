#!/usr/bin/env python3
"""Writes a synthetic hub config with N servers (about 60% stdio, 40% remote) to stdout.

For timing `mcplint check` on large inputs:
    python3 scripts/gen-config.py 20000 > /tmp/big.json
Values are references (`${VAR}`) or plain words; no token-like value is generated.
"""
import json
import random
import sys


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    servers = {}
    for i in range(count):
        name = f"server-{i:06d}"
        if rng.random() < 0.6:
            servers[name] = {
                "command": rng.choice(["npx", "uvx", "docker", "node"]),
                "args": ["-y", f"@example/mcp-server-{i % 97}", "--port", str(3000 + i % 1000)],
                "env": {
                    f"SERVICE_{i % 13}_TOKEN": f"${{SERVICE_{i % 13}_TOKEN}}",
                    "LOG_LEVEL": rng.choice(["info", "debug", "warn"]),
                },
                "disabled": rng.random() < 0.1,
                "note": f"generated stdio server number {i}",
            }
        else:
            servers[name] = {
                "type": rng.choice(["streamable-http", "sse", "http"]),
                "url": f"https://mcp{i % 50}.example.com/mcp/{i}",
                "headers": {"Authorization": f"Bearer ${{REMOTE_{i % 11}_TOKEN}}"},
                "env": {f"REMOTE_{i % 11}_TOKEN": f"${{REMOTE_{i % 11}_TOKEN}}"},
                "note": f"generated remote server number {i}",
            }
    json.dump(servers, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
