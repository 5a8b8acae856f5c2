// Entry point; the command-line interface is built in Shell and wired here.
print("rnnsh: under construction")
