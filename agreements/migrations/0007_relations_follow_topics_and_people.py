"""Topics, people and organisations now live in their own apps: the
relations to them point there. State only: the columns and tables stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0006_list_order_indexes'),
        ('people', '0001_initial'),
        ('topics', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='agreement',
                    name='parties',
                    field=models.ManyToManyField(blank=True, related_name='agreements', to='people.organisation', verbose_name='parties'),
                ),
                migrations.AlterField(
                    model_name='agreement',
                    name='signatories',
                    field=models.ManyToManyField(blank=True, related_name='agreements_signed', to='people.person', verbose_name='signatories'),
                ),
                migrations.AlterField(
                    model_name='agreement',
                    name='topics',
                    field=models.ManyToManyField(blank=True, related_name='agreements', to='topics.topic', verbose_name='topics'),
                ),
                migrations.AlterField(
                    model_name='commitment',
                    name='parties',
                    field=models.ManyToManyField(blank=True, help_text='Who committed, or is to act.', related_name='commitments', to='people.organisation', verbose_name='parties'),
                ),
                migrations.AlterField(
                    model_name='commitment',
                    name='people',
                    field=models.ManyToManyField(blank=True, related_name='commitments', to='people.person', verbose_name='people'),
                ),
                migrations.AlterField(
                    model_name='commitment',
                    name='topics',
                    field=models.ManyToManyField(blank=True, related_name='commitments', to='topics.topic', verbose_name='topics'),
                ),
                migrations.AlterField(
                    model_name='commitmentstatusevent',
                    name='party',
                    field=models.ForeignKey(blank=True, help_text="For a step that is one side's alone, such as UK ratification.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.organisation', verbose_name='party'),
                ),
                migrations.AlterField(
                    model_name='figure',
                    name='subject',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='figures', to='people.organisation', verbose_name='about'),
                ),
                migrations.AlterField(
                    model_name='figure',
                    name='topics',
                    field=models.ManyToManyField(blank=True, related_name='figures', to='topics.topic', verbose_name='topics'),
                ),
                migrations.AlterField(
                    model_name='historicalagreement_parties',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalagreement_signatories',
                    name='person',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.person'),
                ),
                migrations.AlterField(
                    model_name='historicalagreement_topics',
                    name='topic',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='topics.topic'),
                ),
                migrations.AlterField(
                    model_name='historicalcommitment_parties',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalcommitment_people',
                    name='person',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.person'),
                ),
                migrations.AlterField(
                    model_name='historicalcommitment_topics',
                    name='topic',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='topics.topic'),
                ),
                migrations.AlterField(
                    model_name='historicalcommitmentstatusevent',
                    name='party',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text="For a step that is one side's alone, such as UK ratification.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation', verbose_name='party'),
                ),
                migrations.AlterField(
                    model_name='historicalfigure',
                    name='subject',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation', verbose_name='about'),
                ),
                migrations.AlterField(
                    model_name='historicalfigure_topics',
                    name='topic',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='topics.topic'),
                ),
                migrations.AlterField(
                    model_name='historicalstatusevent',
                    name='party',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text="For a step that is one side's alone, such as UK ratification.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation', verbose_name='party'),
                ),
                migrations.AlterField(
                    model_name='statusevent',
                    name='party',
                    field=models.ForeignKey(blank=True, help_text="For a step that is one side's alone, such as UK ratification.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.organisation', verbose_name='party'),
                ),
            ],
        ),
    ]
