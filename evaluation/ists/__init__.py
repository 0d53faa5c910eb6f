"""SemEval-2016 Task 2 (interpretable STS): file formats, the F1 measures, a chunk aligner."""
