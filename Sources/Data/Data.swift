// Module Data: see Package.swift for its role. Files here are added one idea per file.
