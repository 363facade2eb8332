# Placeholder: the lead is writing the real Makefile (setup/compile/validate/test/build/bench/clean).
