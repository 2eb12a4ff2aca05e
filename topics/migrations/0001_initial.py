"""Topic moves here from the dialogue app: state only; its tables
(dialogue_topic and its history) stay, and its content types are relabelled."""

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
                    name='HistoricalTopic',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated')),
                        ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                        ('slug', models.SlugField(max_length=80, verbose_name='slug')),
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical topic',
                        'verbose_name_plural': 'historical topics',
                        'db_table': 'dialogue_historicaltopic',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated')),
                        ('publication', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], db_index=True, default='draft', help_text='Drafts are hidden from the public site, its feeds, CSV and the open API.', max_length=10, verbose_name='publication')),
                        ('slug', models.SlugField(max_length=80, unique=True, verbose_name='slug')),
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                    ],
                    options={
                        'db_table': 'dialogue_topic',
                        'ordering': ('name',),
                        'indexes': [core.search.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector('name', config='english', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('description', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), name='dialogue_topic_search')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('publication__in', ['draft', 'published'])), name='dialogue_topic_publication_valid')],
                    },
                ),
            ],
        ),
        relabel_content_types("dialogue", "topics", ("topic", "historicaltopic")),
    ]
