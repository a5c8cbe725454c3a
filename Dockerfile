# The newsindex image: the CLI, the flows and a Prefect worker. Used by docker-compose.yml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsindex newsindex
COPY articles articles
COPY indexing indexing
COPY flows flows
COPY common common
COPY config config
RUN pip install --no-cache-dir '.[dask]'
COPY seeds seeds
COPY prefect.yaml ./
ENTRYPOINT []
CMD ["newsindex", "--help"]
