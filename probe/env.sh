# Production settings for the probe server on PostgreSQL (source this)
export CASEREVIEW_ENV=production
export SECRET_KEY=probe15-$(printf 'x%.0s' $(seq 1 60))
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/probe15
export SECURE_SSL_REDIRECT=0
export SECURE_HSTS_SECONDS=0
export CASEREVIEW_VAR_DIR=/work/wt/probe15/var-pg
export CASEREVIEW_SITE_URL=http://127.0.0.1:8035
