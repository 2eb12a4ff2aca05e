"""Source and Citation now belong to the evidence app: this app forgets them.
State only: the tables stay, under evidence's models (evidence 0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('seeds', '0004_search_indexes'),
        ('evidence', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='historicalcitation',
                name='content_type',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalcitation',
                name='source',
            ),
            migrations.RemoveField(
                model_name='historicalsource',
                name='history_user',
            ),
            migrations.DeleteModel(
                name='Citation',
            ),
            migrations.DeleteModel(
                name='HistoricalCitation',
            ),
            migrations.DeleteModel(
                name='Source',
            ),
            migrations.DeleteModel(
                name='HistoricalSource',
            ),
            ],
        ),
    ]
