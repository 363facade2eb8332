"""The `igkit` command line.

Sub-commands live in their own stage modules and are imported only when used, so that
`igkit validate` does not pay for loading the publisher (start-up time matters: it is
called once per file by other tools).
"""

from __future__ import annotations

import importlib
import sys

import click

from igkit.errors import IgkitError

# name -> "module:attribute"; each attribute is a click command or group.
COMMANDS: dict[str, str] = {
    "packages": "igkit.packages.cli:packages",
    "compile": "igkit.compile:compile_cmd",
    "validate": "igkit.validate.cli:validate_cmd",
    "test": "igkit.regress.cli:test_cmd",
    "publish": "igkit.publish.cli:publish_cmd",
    "lan": "igkit.lan.cli:lan",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a stage that is not built yet
            if exc.name and exc.name.startswith("igkit"):
                return None
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="igkit")
def cli() -> None:
    """Build, validate and publish the Da Vinci VBPR FHIR Implementation Guide."""


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one paragraph on stderr and exit code 2, never a traceback."""
    try:
        cli.main(args=argv, prog_name="igkit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except IgkitError as exc:
        click.echo(f"igkit: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
