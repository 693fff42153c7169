"""Developer tools of the repository (not installed with the package): the fixture generators."""
