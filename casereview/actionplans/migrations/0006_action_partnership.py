"""Actions get their review's partnership as a column of their own (Action.save() keeps it), so a
partnership's actions are read by an index instead of through a join to every review in the country."""

import django.db.models.deletion
from django.db import migrations, models


# Written in SQL both databases run: one statement for every action, however many there are.
FILL = """
UPDATE actionplans_action
SET partnership_id = (SELECT reviews_review.partnership_id FROM reviews_review
                      WHERE reviews_review.id = actionplans_action.review_id)
"""


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0005_password_reset_requests"),
        ("actionplans", "0005_monitoring_counts_index"),
        ("reviews", "0008_chronology_tally"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="partnership",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="accounts.partnership",
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="action",
            name="partnership",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="accounts.partnership",
            ),
        ),
        # the monitoring counts' index, now led by the partnership the page is of
        migrations.RemoveIndex(model_name="action", name="actionplans_review__9d6f9f_idx"),
        migrations.AddIndex(
            model_name="action",
            index=models.Index(
                fields=["partnership", "review", "owner_agency", "status", "due_date"],
                name="actionplans_partner_d251c4_idx",
            ),
        ),
    ]
