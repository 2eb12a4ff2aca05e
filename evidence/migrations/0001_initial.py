"""Source and Citation move here from the app first named "seeds" (now the
seed loader): state only, their tables (seeds_source, seeds_citation and
their history) stay as they are, and their content types are relabelled so
that citations, permissions and the admin's log keep pointing at them."""

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
        ('seeds', '0004_search_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='HistoricalSource',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated')),
                    ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                    ('slug', models.SlugField(max_length=120, verbose_name='slug')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('publisher', models.CharField(blank=True, help_text='Only as the document itself names it.', max_length=200, verbose_name='publisher')),
                    ('url', models.URLField(blank=True, max_length=500, verbose_name='URL')),
                    ('kind', models.CharField(choices=[('news', 'news article'), ('press_release', 'press release'), ('official', 'official document'), ('other', 'other')], default='news', max_length=20, verbose_name='kind')),
                    ('language', models.CharField(default='en', max_length=10, verbose_name='language')),
                    ('text', models.TextField(help_text='The document verbatim.', verbose_name='full text')),
                    ('seed_file', models.CharField(blank=True, help_text='The file in seeding/sources/ the text was loaded from, if any.', max_length=200, verbose_name='seed file')),
                    ('note', models.TextField(blank=True, verbose_name='note')),
                    ('published_on', models.DateField(blank=True, help_text='First day of the period when only the month or year is known.', null=True, verbose_name='published on')),
                    ('published_on_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', help_text='How much of the date the source gives.', max_length=5, verbose_name='precision')),
                    ('published_on_inferred', models.BooleanField(default=False, help_text='Taken from context rather than stated in the source.', verbose_name='inferred')),
                    ('published_on_note', models.CharField(blank=True, help_text='Why the date is what it is, when it is inferred.', max_length=500, verbose_name='date note')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical source',
                    'verbose_name_plural': 'historical sources',
                    'db_table': 'seeds_historicalsource',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Source',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated')),
                    ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                    ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('publisher', models.CharField(blank=True, help_text='Only as the document itself names it.', max_length=200, verbose_name='publisher')),
                    ('url', models.URLField(blank=True, max_length=500, verbose_name='URL')),
                    ('kind', models.CharField(choices=[('news', 'news article'), ('press_release', 'press release'), ('official', 'official document'), ('other', 'other')], default='news', max_length=20, verbose_name='kind')),
                    ('language', models.CharField(default='en', max_length=10, verbose_name='language')),
                    ('text', models.TextField(help_text='The document verbatim.', verbose_name='full text')),
                    ('sha256', models.CharField(editable=False, max_length=64, verbose_name='SHA-256 of the text')),
                    ('seed_file', models.CharField(blank=True, help_text='The file in seeding/sources/ the text was loaded from, if any.', max_length=200, verbose_name='seed file')),
                    ('note', models.TextField(blank=True, verbose_name='note')),
                    ('published_on', models.DateField(blank=True, help_text='First day of the period when only the month or year is known.', null=True, verbose_name='published on')),
                    ('published_on_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', help_text='How much of the date the source gives.', max_length=5, verbose_name='precision')),
                    ('published_on_inferred', models.BooleanField(default=False, help_text='Taken from context rather than stated in the source.', verbose_name='inferred')),
                    ('published_on_note', models.CharField(blank=True, help_text='Why the date is what it is, when it is inferred.', max_length=500, verbose_name='date note')),
                ],
                options={
                    'db_table': 'seeds_source',
                    'ordering': ('-published_on', 'slug'),
                    'indexes': [core.search.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector('title', config='english', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('publisher', config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('text', config='english', weight='C'), django.contrib.postgres.search.SearchConfig('simple')), name='seeds_source_search')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['news', 'press_release', 'official', 'other'])), name='seeds_source_kind_valid'), models.CheckConstraint(condition=models.Q(('published_on_precision__in', ['day', 'month', 'year'])), name='seeds_source_published_on_precision_valid'), models.CheckConstraint(condition=models.Q(('publication__in', ['draft', 'published'])), name='seeds_source_publication_valid')],
                },
                bases=(core.dates.PartialDatesMixin, models.Model),
            ),
            migrations.CreateModel(
                name='HistoricalCitation',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated')),
                    ('quote', models.TextField(help_text='Paste the words from the source. White space and typographic quotation marks may differ; every other character must match.', verbose_name='quote')),
                    ('start', models.PositiveIntegerField(editable=False, verbose_name='start offset')),
                    ('end', models.PositiveIntegerField(editable=False, verbose_name='end offset')),
                    ('object_id', models.PositiveBigIntegerField(verbose_name='cited record')),
                    ('field_name', models.CharField(blank=True, help_text='The field of the record this quote supports, if one in particular.', max_length=60, verbose_name='supports field')),
                    ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('content_type', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contenttypes.contenttype', verbose_name='cited type')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('source', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.source', verbose_name='source')),
                ],
                options={
                    'verbose_name': 'historical citation',
                    'verbose_name_plural': 'historical citations',
                    'db_table': 'seeds_historicalcitation',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Citation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated')),
                    ('quote', models.TextField(help_text='Paste the words from the source. White space and typographic quotation marks may differ; every other character must match.', verbose_name='quote')),
                    ('start', models.PositiveIntegerField(editable=False, verbose_name='start offset')),
                    ('end', models.PositiveIntegerField(editable=False, verbose_name='end offset')),
                    ('object_id', models.PositiveBigIntegerField(verbose_name='cited record')),
                    ('field_name', models.CharField(blank=True, help_text='The field of the record this quote supports, if one in particular.', max_length=60, verbose_name='supports field')),
                    ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                    ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='cited type')),
                    ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='citations', to='evidence.source', verbose_name='source')),
                ],
                options={
                    'db_table': 'seeds_citation',
                    'ordering': ('position', 'pk'),
                    'indexes': [models.Index(fields=['content_type', 'object_id'], name='seeds_citation_cited_idx'), core.search.SearchIndex(django.contrib.postgres.search.SearchVector('quote', config='english', weight='A'), name='seeds_citation_search')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='seeds_citation_end_after_start')],
                },
            ),
            ],
        ),
        relabel_content_types(
            "seeds", "evidence", ("source", "citation", "historicalsource", "historicalcitation")
        ),
    ]
