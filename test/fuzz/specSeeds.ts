/**
 * Pipeline specs written for this repository in the plain block YAML most people write, covering the parts of
 * the spec the rules read (inputs of every kind, secrets as env vars and mounts, image pull secrets, egress,
 * services, spouts, resources). They seed the fuzz and shortcut tests, so those tests' thresholds hold in every
 * clone, with or without the optional corpus. The values are made up; the shapes follow Pachyderm's
 * `CreatePipelineRequest` (pachyderm/pachyderm src/pps/pps.proto).
 */
export const SPEC_SEEDS: Array<[string, string]> = [
  [
    'thumbnails.pipeline.yaml',
    `# Makes a thumbnail of every image in the photos repo.
pipeline:
  name: thumbnails
  project:
    name: media
description: Scales every photo down to 128 pixels wide.
input:
  pfs:
    repo: photos
    branch: master
    glob: /*
transform:
  image: example/thumbnailer:2.3.1
  cmd:
  - python3
  - /app/thumbnail.py
  - --width
  - 128
  env:
    LOG_LEVEL: info
    OUTPUT_FORMAT: png
  secrets:
  - name: storage-credentials
    key: access-key
    env_var: STORAGE_ACCESS_KEY
  - name: storage-credentials
    key: secret-key
    env_var: STORAGE_SECRET_KEY
  image_pull_secrets:
  - registry-login
parallelism_spec:
  constant: 4
resource_requests:
  cpu: 1
  memory: 512M
datum_tries: 3
`,
  ],
  [
    'join.pipeline.yaml',
    `pipeline:
  name: match-orders
input:
  join:
  - pfs:
      repo: orders
      glob: /(*).csv
      join_on: $1
  - pfs:
      repo: customers
      glob: /(*).csv
      join_on: $1
      outer_join: true
transform:
  image: example/joiner:1.0
  cmd: [ python3, /join.py ]
  secrets:
  - name: warehouse
    mount_path: /var/secrets/warehouse
  - name: warehouse
    key: password
    envVar: WAREHOUSE_PASSWORD
output_branch: master
autoscaling: true
`,
  ],
  [
    'nightly.pipeline.yaml',
    `---
pipeline:
  name: nightly-report
input:
  cross:
  - cron:
      name: tick
      spec: "@every 24h"
      overwrite: true
  - pfs:
      repo: sales
      glob: /
transform:
  image: example/reports:5
  cmd:
  - sh
  - -c
  - make report
  env:
    TZ: UTC
  secrets:
  - name: smtp
    key: password
    env_var: SMTP_PASSWORD
egress:
  sql_database:
    url: snowflake://reporter@example/db
    file_format:
      type: CSV
    secret:
      name: snowflake
      key: password
---
pipeline:
  name: archive
input:
  pfs:
    repo: nightly-report
    glob: /*
transform:
  image: example/archiver:1
  cmd:
  - /archive
egress:
  URL: s3://example-archive/reports/
`,
  ],
  [
    'serve.pipeline.yaml',
    `pipeline:
  name: dashboard
input:
  union:
  - pfs:
      name: current
      repo: metrics
      glob: /latest
  - pfs:
      name: history
      repo: metrics
      branch: history
      glob: /
      lazy: true
transform:
  image: example/dashboard:0.9
  cmd:
  - /serve
  - --port=8080
  secrets:
  - name: dashboard-tls
    mount_path: /etc/tls
  - name: oauth
    key: client-secret
    env_var: OAUTH_CLIENT_SECRET
service:
  internal_port: 8080
  external_port: 30080
  type: NodePort
scheduling_spec:
  node_selector:
    pool: web
pod_spec: ""
`,
  ],
  [
    'queue.pipeline.yaml',
    `pipeline:
  name: queue-reader
spout:
  service:
    internal_port: 9000
    external_port: 30900
transform:
  image: example/queue-reader:3.2.0
  cmd:
  - /bin/reader
  - --queue
  - incoming
  env:
    QUEUE_URL: amqp://broker:5672
    BATCH: "50"
  secrets:
  - name: broker
    key: username
    env_var: BROKER_USER
  - name: broker
    key: password
    env_var: BROKER_PASSWORD
  imagePullSecrets:
  - registry-login
  - mirror-login
resource_limits:
  memory: 2G
  gpu:
    type: nvidia.com/gpu
    number: 1
sidecar_resource_limits:
  cpu: 1
reprocess_spec: until_success
`,
  ],
  [
    'batch.pipelines.yaml',
    `- pipeline:
    name: clean
  input:
    pfs:
      repo: raw
      glob: /*/*
  transform:
    image: example/clean:1
    cmd:
    - /clean
    secrets:
    - name: lake
      key: token
      env_var: LAKE_TOKEN
- pipeline:
    name: train
  input:
    group:
    - pfs:
        repo: clean
        glob: /(*)/*
        group_by: $1
  transform:
    image: example/train:7
    cmd:
    - python
    - train.py
    - --epochs
    - 10
    env:
      WANDB_PROJECT: demo
    secrets:
    - name: wandb
      key: key
      env_var: WANDB_API_KEY
  parallelism_spec:
    constant: 2
  datum_timeout: 10m
  job_timeout: 2h
`,
  ],
];
