# Production settings for probe 16's server on PostgreSQL (source this); as env.sh with reprobe16's names
export CASEREVIEW_ENV=production
export SECRET_KEY=reprobe16-$(printf 'x%.0s' $(seq 1 60))
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/reprobe16
export SECURE_SSL_REDIRECT=0
export SECURE_HSTS_SECONDS=0
export CASEREVIEW_VAR_DIR=/tmp/reprobe16/var
export CASEREVIEW_SITE_URL=http://127.0.0.1:8030
export PROBE_DB=reprobe16
# this database's demo IDs (load_demo makes new UUIDs each time)
export PROBE_REVIEW=$(psql -h 127.0.0.1 -U postgres -d reprobe16 -At -c "select r.id from reviews_review r join accounts_partnership p on p.id=r.partnership_id where p.slug='southwark' and r.title='Child R'")
export PROBE_INFOREQ=$(psql -h 127.0.0.1 -U postgres -d reprobe16 -At -c "select ir.id from decisions_informationrequest ir join accounts_agency a on a.id=ir.agency_id join decisions_rapidreview rr on rr.id=ir.rapid_review_id join incidents_incident i on i.id=rr.incident_id where a.name='Metropolitan Police Service' and i.child_pseudonym='Child S'")
export PROBE_DRAFT_REVIEW=$(psql -h 127.0.0.1 -U postgres -d reprobe16 -At -c "select r.id from reviews_review r where r.title='Child T'")
