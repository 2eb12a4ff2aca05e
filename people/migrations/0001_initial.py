"""Organisation, Person and Post move here from the dialogue app: state
only; their tables (dialogue_organisation... and their history) stay, and
their content types are relabelled."""

import core.dates
import core.search
import django.contrib.postgres.search
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from core.model_moves import relabel_content_types


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # After the roles migration, which makes the content types it needs:
        # the ones relabelled below, rather than a stale copy beside them.
        ('agreements', '0002_editor_and_viewer_roles'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('dialogue', '0004_search_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalPerson',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated')),
                        ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                        ('slug', models.SlugField(max_length=120, verbose_name='slug')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('country', models.CharField(blank=True, help_text="ISO 3166 alpha-2 code: KZ, GB... Empty when not one country's.", max_length=2, verbose_name='country')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical person',
                        'verbose_name_plural': 'historical people',
                        'db_table': 'dialogue_historicalperson',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Organisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated')),
                        ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('short_name', models.CharField(blank=True, max_length=60, verbose_name='short name')),
                        ('kind', models.CharField(choices=[('state', 'state'), ('government_body', 'government body'), ('ministry', 'ministry'), ('agency', 'agency'), ('legislature', 'legislature'), ('embassy', 'embassy'), ('local_government', 'local government'), ('university', 'university'), ('association', 'association'), ('company', 'company'), ('media', 'media'), ('think_tank', 'think tank'), ('international_organisation', 'international organisation'), ('programme', 'programme'), ('other', 'other')], max_length=30, verbose_name='kind')),
                        ('country', models.CharField(blank=True, help_text="ISO 3166 alpha-2 code: KZ, GB... Empty when not one country's.", max_length=2, verbose_name='country')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='people.organisation', verbose_name='part of')),
                    ],
                    options={
                        'db_table': 'dialogue_organisation',
                        'ordering': ('name',),
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalOrganisation',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated')),
                        ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                        ('slug', models.SlugField(max_length=120, verbose_name='slug')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('short_name', models.CharField(blank=True, max_length=60, verbose_name='short name')),
                        ('kind', models.CharField(choices=[('state', 'state'), ('government_body', 'government body'), ('ministry', 'ministry'), ('agency', 'agency'), ('legislature', 'legislature'), ('embassy', 'embassy'), ('local_government', 'local government'), ('university', 'university'), ('association', 'association'), ('company', 'company'), ('media', 'media'), ('think_tank', 'think tank'), ('international_organisation', 'international organisation'), ('programme', 'programme'), ('other', 'other')], max_length=30, verbose_name='kind')),
                        ('country', models.CharField(blank=True, help_text="ISO 3166 alpha-2 code: KZ, GB... Empty when not one country's.", max_length=2, verbose_name='country')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('parent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation', verbose_name='part of')),
                    ],
                    options={
                        'verbose_name': 'historical organisation',
                        'verbose_name_plural': 'historical organisations',
                        'db_table': 'dialogue_historicalorganisation',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Person',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated')),
                        ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('country', models.CharField(blank=True, help_text="ISO 3166 alpha-2 code: KZ, GB... Empty when not one country's.", max_length=2, verbose_name='country')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                    ],
                    options={
                        'verbose_name_plural': 'people',
                        'db_table': 'dialogue_person',
                        'ordering': ('name',),
                        'indexes': [core.search.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector('description', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), name='dialogue_person_search')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('publication__in', ['draft', 'published'])), name='dialogue_person_publication_valid')],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalPost',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('end_on', models.DateField(blank=True, help_text='First day of the period when only the month or year is known.', null=True, verbose_name='until')),
                        ('end_on_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', help_text='How much of the date the source gives.', max_length=5, verbose_name='precision')),
                        ('end_on_inferred', models.BooleanField(default=False, help_text='Taken from context rather than stated in the source.', verbose_name='inferred')),
                        ('end_on_note', models.CharField(blank=True, help_text='Why the date is what it is, when it is inferred.', max_length=500, verbose_name='date note')),
                        ('start_on', models.DateField(blank=True, help_text='First day of the period when only the month or year is known.', null=True, verbose_name='from')),
                        ('start_on_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', help_text='How much of the date the source gives.', max_length=5, verbose_name='precision')),
                        ('start_on_inferred', models.BooleanField(default=False, help_text='Taken from context rather than stated in the source.', verbose_name='inferred')),
                        ('start_on_note', models.CharField(blank=True, help_text='Why the date is what it is, when it is inferred.', max_length=500, verbose_name='date note')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.organisation', verbose_name='organisation')),
                        ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.person', verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'historical post',
                        'verbose_name_plural': 'historical posts',
                        'db_table': 'dialogue_historicalpost',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Post',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('end_on', models.DateField(blank=True, help_text='First day of the period when only the month or year is known.', null=True, verbose_name='until')),
                        ('end_on_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', help_text='How much of the date the source gives.', max_length=5, verbose_name='precision')),
                        ('end_on_inferred', models.BooleanField(default=False, help_text='Taken from context rather than stated in the source.', verbose_name='inferred')),
                        ('end_on_note', models.CharField(blank=True, help_text='Why the date is what it is, when it is inferred.', max_length=500, verbose_name='date note')),
                        ('start_on', models.DateField(blank=True, help_text='First day of the period when only the month or year is known.', null=True, verbose_name='from')),
                        ('start_on_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', help_text='How much of the date the source gives.', max_length=5, verbose_name='precision')),
                        ('start_on_inferred', models.BooleanField(default=False, help_text='Taken from context rather than stated in the source.', verbose_name='inferred')),
                        ('start_on_note', models.CharField(blank=True, help_text='Why the date is what it is, when it is inferred.', max_length=500, verbose_name='date note')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='posts', to='people.organisation', verbose_name='organisation')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='posts', to='people.person', verbose_name='person')),
                    ],
                    options={
                        'db_table': 'dialogue_post',
                        'ordering': ('person', 'position', 'pk'),
                    },
                    bases=(core.dates.PartialDatesMixin, models.Model),
                ),
                migrations.AddIndex(
                    model_name='organisation',
                    index=models.Index(fields=['kind', 'country'], name='dialogue_org_kind_country_idx'),
                ),
                migrations.AddIndex(
                    model_name='organisation',
                    index=core.search.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector('short_name', config='simple', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('description', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), name='dialogue_organisation_search'),
                ),
                migrations.AddConstraint(
                    model_name='organisation',
                    constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['state', 'government_body', 'ministry', 'agency', 'legislature', 'embassy', 'local_government', 'university', 'association', 'company', 'media', 'think_tank', 'international_organisation', 'programme', 'other'])), name='dialogue_organisation_kind_valid'),
                ),
                migrations.AddConstraint(
                    model_name='organisation',
                    constraint=models.CheckConstraint(condition=models.Q(('publication__in', ['draft', 'published'])), name='dialogue_organisation_publication_valid'),
                ),
                migrations.AddIndex(
                    model_name='post',
                    index=core.search.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector('title', config='english', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), name='dialogue_post_search'),
                ),
                migrations.AddConstraint(
                    model_name='post',
                    constraint=models.CheckConstraint(condition=models.Q(('start_on__isnull', True), ('end_on__isnull', True), ('end_on__gte', models.F('start_on')), _connector='OR'), name='dialogue_post_end_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='post',
                    constraint=models.CheckConstraint(condition=models.Q(('start_on_precision__in', ['day', 'month', 'year'])), name='dialogue_post_start_on_precision_valid'),
                ),
                migrations.AddConstraint(
                    model_name='post',
                    constraint=models.CheckConstraint(condition=models.Q(('end_on_precision__in', ['day', 'month', 'year'])), name='dialogue_post_end_on_precision_valid'),
                ),
            ],
        ),
        relabel_content_types(
            "dialogue",
            "people",
            (
                "organisation",
                "person",
                "post",
                "historicalorganisation",
                "historicalperson",
                "historicalpost",
            ),
        ),
    ]
