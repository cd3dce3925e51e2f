"""The data layer: the model, reading and validating data/, and the catalogue of all records."""
