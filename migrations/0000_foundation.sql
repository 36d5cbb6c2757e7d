CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"area_type" text NOT NULL,
	"parent_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "areas_code_format" CHECK ("areas"."code" ~ '^[EWSNK][0-9]{8}$'),
	CONSTRAINT "areas_type_known" CHECK ("areas"."area_type" in ('country', 'region', 'icb', 'local-authority'))
);
--> statement-breakpoint
CREATE TABLE "data_loads" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"is_demo" boolean NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_loads_kind_known" CHECK ("data_loads"."kind" in ('built-in', 'demo', 'import')),
	CONSTRAINT "data_loads_row_count_non_negative" CHECK ("data_loads"."row_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_code_areas_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_code_idx" ON "areas" USING btree ("parent_code");