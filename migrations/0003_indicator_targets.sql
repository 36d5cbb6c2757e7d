CREATE TABLE "indicator_targets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"area_code" text DEFAULT 'E12000007' NOT NULL,
	"aim" text NOT NULL,
	"sex" text DEFAULT 'Persons' NOT NULL,
	"age" text NOT NULL,
	"baseline_period" text NOT NULL,
	"baseline_value" double precision NOT NULL,
	"target_value" double precision NOT NULL,
	"target_year" integer DEFAULT 2035 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_target_year_range" CHECK ("indicator_targets"."target_year" between 2000 and 2100),
	CONSTRAINT "indicator_targets_aim_format" CHECK ("indicator_targets"."aim" ~ '^[a-z][a-z0-9-]*$'),
	CONSTRAINT "indicator_targets_baseline_period_year" CHECK ("indicator_targets"."baseline_period" ~ '^[0-9]{4}')
);
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_key" ON "indicator_targets" USING btree ("indicator_id","area_code","aim","sex","age");