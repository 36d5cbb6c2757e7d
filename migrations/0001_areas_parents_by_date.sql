CREATE TABLE "area_parents" (
	"child_code" text NOT NULL,
	"parent_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "area_parents_child_code_parent_code_valid_from_pk" PRIMARY KEY("child_code","parent_code","valid_from"),
	CONSTRAINT "area_parents_dates_ordered" CHECK ("area_parents"."valid_to" is null or "area_parents"."valid_to" > "area_parents"."valid_from"),
	CONSTRAINT "area_parents_not_self" CHECK ("area_parents"."child_code" <> "area_parents"."parent_code")
);
--> statement-breakpoint
CREATE TABLE "area_tile_positions" (
	"layout" text NOT NULL,
	"area_code" text NOT NULL,
	"abbreviation" text NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"irregular" boolean DEFAULT false NOT NULL,
	CONSTRAINT "area_tile_positions_layout_area_code_pk" PRIMARY KEY("layout","area_code"),
	CONSTRAINT "area_tile_positions_non_negative" CHECK ("area_tile_positions"."x" >= 0 and "area_tile_positions"."y" >= 0)
);
--> statement-breakpoint
CREATE TABLE "deprivation" (
	"area_code" text NOT NULL,
	"edition" text NOT NULL,
	"score" double precision,
	"rank" integer,
	"decile" smallint,
	"load_id" integer,
	CONSTRAINT "deprivation_area_code_edition_pk" PRIMARY KEY("area_code","edition"),
	CONSTRAINT "deprivation_decile_range" CHECK ("deprivation"."decile" is null or "deprivation"."decile" between 1 and 10),
	CONSTRAINT "deprivation_rank_positive" CHECK ("deprivation"."rank" is null or "deprivation"."rank" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_counts" (
	"measure" text NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"sex" text NOT NULL,
	"age_from" integer NOT NULL,
	"age_to" integer,
	"count" double precision NOT NULL,
	"load_id" integer NOT NULL,
	CONSTRAINT "event_counts_measure_area_code_year_sex_age_from_pk" PRIMARY KEY("measure","area_code","year","sex","age_from"),
	CONSTRAINT "event_counts_sex_known" CHECK ("event_counts"."sex" in ('persons', 'males', 'females')),
	CONSTRAINT "event_counts_ages_ordered" CHECK ("event_counts"."age_from" >= 0 and ("event_counts"."age_to" is null or "event_counts"."age_to" >= "event_counts"."age_from")),
	CONSTRAINT "event_counts_non_negative" CHECK ("event_counts"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indicator_value_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"value_id" bigint NOT NULL,
	"previous" jsonb NOT NULL,
	"replaced_by_load_id" integer NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"area_code" text NOT NULL,
	"period" text NOT NULL,
	"period_sort" integer NOT NULL,
	"sex" text NOT NULL,
	"age" text NOT NULL,
	"category_type" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"value" double precision,
	"lower95" double precision,
	"upper95" double precision,
	"lower998" double precision,
	"upper998" double precision,
	"count" double precision,
	"denominator" double precision,
	"value_note" text,
	"source_trend" text,
	"source_compared_to_england" text,
	"source_compared_to_region" text,
	"computed_compared_to_england" text,
	"computed_compared_to_london" text,
	"computed_trend" text,
	"load_id" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_limits_ordered" CHECK (("indicator_values"."lower95" is null or "indicator_values"."upper95" is null or "indicator_values"."lower95" <= "indicator_values"."upper95") and ("indicator_values"."lower998" is null or "indicator_values"."upper998" is null or "indicator_values"."lower998" <= "indicator_values"."upper998")),
	CONSTRAINT "indicator_values_count_non_negative" CHECK ("indicator_values"."count" is null or "indicator_values"."count" >= 0),
	CONSTRAINT "indicator_values_denominator_non_negative" CHECK ("indicator_values"."denominator" is null or "indicator_values"."denominator" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" text,
	"unit" text,
	"multiplier" double precision,
	"value_type" text NOT NULL,
	"polarity" text DEFAULT 'no-judgement' NOT NULL,
	"source" text,
	"licence" text,
	"period_type" text DEFAULT 'other' NOT NULL,
	"method" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_value_type_known" CHECK (value_type in ('proportion', 'crude-rate', 'dsr', 'isr', 'life-expectancy', 'mean', 'count', 'score')),
	CONSTRAINT "indicators_polarity_known" CHECK (polarity in ('high-is-good', 'low-is-good', 'no-judgement')),
	CONSTRAINT "indicators_period_type_known" CHECK (period_type in ('calendar-year', 'financial-year', 'academic-year', 'rolling-2-year', 'rolling-3-year', 'rolling-5-year', 'quarter', 'month', 'point-in-time', 'other')),
	CONSTRAINT "indicators_multiplier_positive" CHECK ("indicators"."multiplier" is null or "indicators"."multiplier" > 0),
	CONSTRAINT "indicators_id_positive" CHECK ("indicators"."id" > 0)
);
--> statement-breakpoint
CREATE TABLE "populations" (
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"sex" text NOT NULL,
	"age_from" integer NOT NULL,
	"age_to" integer,
	"population" double precision NOT NULL,
	"load_id" integer NOT NULL,
	CONSTRAINT "populations_area_code_year_sex_age_from_pk" PRIMARY KEY("area_code","year","sex","age_from"),
	CONSTRAINT "populations_sex_known" CHECK ("populations"."sex" in ('persons', 'males', 'females')),
	CONSTRAINT "populations_ages_ordered" CHECK ("populations"."age_from" >= 0 and ("populations"."age_to" is null or "populations"."age_to" >= "populations"."age_from")),
	CONSTRAINT "populations_non_negative" CHECK ("populations"."population" >= 0)
);
--> statement-breakpoint
ALTER TABLE "areas" DROP CONSTRAINT "areas_type_known";--> statement-breakpoint
ALTER TABLE "data_loads" DROP CONSTRAINT "data_loads_row_count_non_negative";--> statement-breakpoint
ALTER TABLE "areas" DROP CONSTRAINT "areas_parent_code_areas_code_fk";
--> statement-breakpoint
DROP INDEX "areas_parent_code_idx";--> statement-breakpoint
ALTER TABLE "data_loads" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "data_loads" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "data_loads" ADD COLUMN "rows_read" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_loads" ADD COLUMN "rows_updated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_loads" ADD COLUMN "rows_unchanged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_loads" ADD COLUMN "rows_rejected" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "area_parents" ADD CONSTRAINT "area_parents_child_code_areas_code_fk" FOREIGN KEY ("child_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_parents" ADD CONSTRAINT "area_parents_parent_code_areas_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_tile_positions" ADD CONSTRAINT "area_tile_positions_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deprivation" ADD CONSTRAINT "deprivation_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deprivation" ADD CONSTRAINT "deprivation_load_id_data_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_counts" ADD CONSTRAINT "event_counts_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_counts" ADD CONSTRAINT "event_counts_load_id_data_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD CONSTRAINT "indicator_value_history_replaced_by_load_id_data_loads_id_fk" FOREIGN KEY ("replaced_by_load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_load_id_data_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "populations" ADD CONSTRAINT "populations_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "populations" ADD CONSTRAINT "populations_load_id_data_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_parents_parent_idx" ON "area_parents" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "indicator_value_history_value_idx" ON "indicator_value_history" USING btree ("value_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key" ON "indicator_values" USING btree ("indicator_id","area_code","period","sex","age","category_type","category");--> statement-breakpoint
CREATE INDEX "indicator_values_area_idx" ON "indicator_values" USING btree ("area_code","indicator_id");--> statement-breakpoint
CREATE INDEX "data_loads_sha256_idx" ON "data_loads" USING btree ("name","sha256");--> statement-breakpoint
-- Keep what the foundation's areas.parent_code said, as dated memberships (hand-added to the generated SQL).
INSERT INTO "area_parents" ("child_code", "parent_code", "valid_from")
  SELECT "code", "parent_code", CASE "area_type" WHEN 'region' THEN DATE '1994-04-01' ELSE DATE '2022-07-01' END
  FROM "areas" WHERE "parent_code" IS NOT NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "areas" DROP COLUMN "parent_code";--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_type_format" CHECK ("areas"."area_type" ~ '^[a-z][a-z0-9-]*$');--> statement-breakpoint
ALTER TABLE "data_loads" ADD CONSTRAINT "data_loads_counts_non_negative" CHECK ("data_loads"."row_count" >= 0 and "data_loads"."rows_read" >= 0 and "data_loads"."rows_updated" >= 0 and "data_loads"."rows_unchanged" >= 0 and "data_loads"."rows_rejected" >= 0);