"""The fields replaced in 0009 go: an absence's yes/no and a signing link's sending time.

A separate migration: on PostgreSQL a table whose rows were updated in the same transaction
cannot be altered while deferred foreign-key checks are pending.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("internships", "0009_during_the_internship")]

    operations = [
        migrations.RemoveField(
            model_name='absence',
            name='justified',
        ),
        migrations.RemoveField(
            model_name='historicalabsence',
            name='justified',
        ),
        migrations.RemoveField(
            model_name='historicalsignaturerequest',
            name='sent_at',
        ),
        migrations.RemoveField(
            model_name='signaturerequest',
            name='sent_at',
        ),
    ]
