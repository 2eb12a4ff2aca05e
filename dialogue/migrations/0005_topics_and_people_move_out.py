"""Topic, Organisation, Person and Post now belong to the topics and people
apps: this app forgets them. State only: the tables stay, under those apps."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0007_relations_follow_topics_and_people'),
        ('dialogue', '0004_search_indexes'),
        ('people', '0001_initial'),
        ('topics', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalperson',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalpost',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalpost',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='historicalpost',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='historicaltopic',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='organisation',
                    name='parent',
                ),
                migrations.AlterField(
                    model_name='participation',
                    name='organisation',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='people.organisation', verbose_name='organisation'),
                ),
                migrations.RemoveField(
                    model_name='post',
                    name='organisation',
                ),
                migrations.AlterField(
                    model_name='historicalparticipation',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation', verbose_name='organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalparticipation',
                    name='person',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.person', verbose_name='person'),
                ),
                migrations.AlterField(
                    model_name='participation',
                    name='person',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='people.person', verbose_name='person'),
                ),
                migrations.RemoveField(
                    model_name='post',
                    name='person',
                ),
                migrations.AlterField(
                    model_name='historicalmeeting_topics',
                    name='topic',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='topics.topic'),
                ),
                migrations.AlterField(
                    model_name='meeting',
                    name='topics',
                    field=models.ManyToManyField(blank=True, related_name='meetings', to='topics.topic', verbose_name='topics'),
                ),
                migrations.DeleteModel(
                    name='HistoricalOrganisation',
                ),
                migrations.DeleteModel(
                    name='HistoricalPerson',
                ),
                migrations.DeleteModel(
                    name='HistoricalPost',
                ),
                migrations.DeleteModel(
                    name='HistoricalTopic',
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
                migrations.DeleteModel(
                    name='Person',
                ),
                migrations.DeleteModel(
                    name='Post',
                ),
                migrations.DeleteModel(
                    name='Topic',
                ),
            ],
        ),
    ]
