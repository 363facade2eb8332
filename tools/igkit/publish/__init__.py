"""`igkit publish`: the FHIR package and a static site for the IG, built without the IG Publisher.

Stages (each a small module, one `PublishContext` between them):

- `config` / `loader`: sushi-config.yaml and the IG's resources (fsh-generated/resources,
  input/resources, input/examples), classified as definitions or examples;
- `package`: the FHIR NPM package (output/package.tgz), deterministic;
- `links`: canonical URL -> page (IG pages, base FHIR, dependency packages);
- `markdown`, narrative sanitizing (igkit.validate.xhtml), `elements`, `terminology`,
  `validation` (the regression step's report): the page parts;
- `site`: renders the jinja2 templates into the output folder;
- `linkcheck` and `browser`: checks on the finished site;
- `jar`: runs a real IG Publisher instead, when IGKIT_PUBLISHER_JAR names one.
"""
