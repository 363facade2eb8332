"""igkit: set-up, package management, compile, validate, regression-test and publish the VBPR IG."""

__version__ = "0.1.0"
