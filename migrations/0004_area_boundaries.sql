CREATE TABLE "area_boundaries" (
	"area_code" text PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"load_id" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_boundaries_geometry_type" CHECK ("area_boundaries"."geometry"->>'type' in ('Polygon', 'MultiPolygon'))
);
--> statement-breakpoint
ALTER TABLE "area_boundaries" ADD CONSTRAINT "area_boundaries_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_boundaries" ADD CONSTRAINT "area_boundaries_load_id_data_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;