"""Signing links carry their token, expiry and revocation on their personal link now.

A separate migration from 0007: on PostgreSQL a table whose rows were just updated in the same
transaction cannot be altered while deferred foreign-key checks are pending.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("internships", "0007_access_links")]

    operations = [
        migrations.AlterField(
            model_name="signaturerequest",
            name="link",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="signature_request",
                to="internships.accesslink",
                verbose_name="persoonlijke link",
            ),
        ),
        migrations.RemoveField(
            model_name='historicalsignaturerequest',
            name='email',
        ),
        migrations.RemoveField(
            model_name='historicalsignaturerequest',
            name='expires_at',
        ),
        migrations.RemoveField(
            model_name='historicalsignaturerequest',
            name='revoked_at',
        ),
        migrations.RemoveField(
            model_name='signaturerequest',
            name='email',
        ),
        migrations.RemoveField(
            model_name='signaturerequest',
            name='expires_at',
        ),
        migrations.RemoveField(
            model_name='signaturerequest',
            name='revoked_at',
        ),
        migrations.RemoveField(
            model_name='signaturerequest',
            name='token_hash',
        ),
    ]
