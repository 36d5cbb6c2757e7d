-- The pooled fund's ledger rules, held by the database as well as by the posting code (src/funds/), so that
-- neither a bug nor a hand-written statement nor two connections racing can break them. Each refusal has its
-- own SQLSTATE (class LF, "ledger of funds") that src/funds/ledger-error-from-database.ts maps to the coded
-- error the code raises for the same rule:
--   LF001 YEAR_CLOSED              LF002 YEAR_NOT_OPEN            LF003 DECISION_NOT_APPROVED
--   LF004 DECISION_DOES_NOT_COVER  LF005 AGREEMENT_NOT_EXECUTED   LF006 AGREEMENT_EXCEEDED
--   LF007 AGREEMENT_MISMATCH       LF008 LEDGER_UNBALANCED        LF009 LEDGER_APPEND_ONLY
--   LF010 LEDGER_ENTRY_INVALID     LF011 YEAR_CLOSED (closing is final)  LF012 AGREEMENT_LOCKED
-- An overspend is refused by the ledger_accounts_no_overspend check (23514) when the balance is applied.

-- (1) An account's balance is the sum of its entries. Applying each entry as an UPDATE takes the account's row
-- lock, which serialises concurrent postings to it, and the check on the updated row refuses an overspend
-- even when two connections race (the second waits for the first, then sees its balance).
CREATE FUNCTION "ledger_entries_apply_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ledger_accounts SET balance_pence = balance_pence + NEW.amount_pence WHERE id = NEW.account_id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_apply_balance" AFTER INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_apply_balance"();--> statement-breakpoint

-- Balances change only through entries: an account is created at zero and its balance is moved only by the
-- trigger above (trigger depth 2); it is never deleted and never changes what it is the account of.
CREATE FUNCTION "ledger_accounts_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.balance_pence <> 0 THEN
      RAISE EXCEPTION 'a ledger account starts at zero: its balance comes from its entries' USING ERRCODE = 'LF010';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ledger accounts are never deleted' USING ERRCODE = 'LF009';
  END IF;
  IF pg_trigger_depth() < 2
     OR NEW.id <> OLD.id OR NEW.fund_id <> OLD.fund_id OR NEW.financial_year <> OLD.financial_year
     OR NEW.kind <> OLD.kind OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
     OR NEW.programme_id IS DISTINCT FROM OLD.programme_id THEN
    RAISE EXCEPTION 'ledger account % changes only through ledger entries', OLD.id USING ERRCODE = 'LF009';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_accounts_guard" BEFORE INSERT OR UPDATE OR DELETE ON "ledger_accounts"
  FOR EACH ROW EXECUTE FUNCTION "ledger_accounts_guard"();--> statement-breakpoint

-- An entry belongs to an account of its transaction's fund and year, moves exactly the transaction's amount,
-- is the only entry of its transaction on that account, and is one of the legs its kind of transaction has:
--   pledge       Dr pledge-receivable(partner)  Cr pledged(partner)
--   receipt      Dr cash  Cr unallocated;  Dr pledged(partner)  Cr pledge-receivable(partner)
--   allocation   Dr unallocated  Cr allocated(programme)
--   deallocation Dr allocated(programme)  Cr unallocated
--   payment      Dr allocated(programme)  Cr cash
CREATE FUNCTION "ledger_entries_check_leg"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx ledger_transactions%ROWTYPE;
  account ledger_accounts%ROWTYPE;
  leg text;
  valid boolean;
BEGIN
  SELECT * INTO tx FROM ledger_transactions WHERE id = NEW.transaction_id;
  SELECT * INTO account FROM ledger_accounts WHERE id = NEW.account_id;
  IF tx.id IS NULL OR account.id IS NULL THEN
    RETURN NEW; -- the foreign keys refuse it
  END IF;
  IF account.fund_id <> tx.fund_id OR account.financial_year <> tx.financial_year THEN
    RAISE EXCEPTION 'ledger entry on account % is not in the fund and year of transaction %', account.id, tx.id
      USING ERRCODE = 'LF010';
  END IF;
  IF abs(NEW.amount_pence) <> tx.amount_pence THEN
    RAISE EXCEPTION 'ledger entry of % pence does not move transaction %''s amount (% pence)',
      NEW.amount_pence, tx.id, tx.amount_pence USING ERRCODE = 'LF010';
  END IF;
  IF EXISTS (SELECT 1 FROM ledger_entries WHERE transaction_id = NEW.transaction_id AND account_id = NEW.account_id) THEN
    RAISE EXCEPTION 'transaction % already has an entry on account %', tx.id, account.id USING ERRCODE = 'LF010';
  END IF;
  leg := account.kind || CASE WHEN NEW.amount_pence > 0 THEN ':Dr' ELSE ':Cr' END;
  valid := CASE tx.kind
    WHEN 'pledge' THEN leg IN ('pledge-receivable:Dr', 'pledged:Cr')
      AND account.organisation_id = tx.partner_organisation_id
    WHEN 'receipt' THEN leg IN ('cash:Dr', 'unallocated:Cr')
      OR (leg IN ('pledged:Dr', 'pledge-receivable:Cr') AND account.organisation_id = tx.partner_organisation_id)
    WHEN 'allocation' THEN leg = 'unallocated:Dr'
      OR (leg = 'allocated:Cr' AND account.programme_id = tx.programme_id)
    WHEN 'deallocation' THEN leg = 'unallocated:Cr'
      OR (leg = 'allocated:Dr' AND account.programme_id = tx.programme_id)
    WHEN 'payment' THEN leg = 'cash:Cr'
      OR (leg = 'allocated:Dr' AND account.programme_id = tx.programme_id)
  END;
  IF valid IS NOT TRUE THEN
    RAISE EXCEPTION 'a % transaction has no % leg on account %', tx.kind, leg, account.id USING ERRCODE = 'LF010';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_check_leg" BEFORE INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_check_leg"();--> statement-breakpoint

-- (2) At commit, each transaction written has all its legs (two, or four for a receipt) and they sum to zero.
-- Deferred, because a transaction is inserted before its entries; fired by the transaction's row too, so one
-- with no entries at all is refused.
CREATE FUNCTION "ledger_transaction_check_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx_id bigint;
  tx_kind text;
  entry_count integer;
  total bigint;
BEGIN
  IF TG_TABLE_NAME = 'ledger_transactions' THEN
    tx_id := NEW.id;
  ELSE
    tx_id := NEW.transaction_id;
  END IF;
  SELECT kind INTO tx_kind FROM ledger_transactions WHERE id = tx_id;
  SELECT count(*), coalesce(sum(amount_pence), 0) INTO entry_count, total
    FROM ledger_entries WHERE transaction_id = tx_id;
  IF entry_count < 2 OR total <> 0
     OR entry_count <> (CASE tx_kind WHEN 'receipt' THEN 4 ELSE 2 END) THEN
    RAISE EXCEPTION 'ledger transaction % (%) is unbalanced: % entries summing to % pence',
      tx_id, tx_kind, entry_count, total USING ERRCODE = 'LF008';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_transactions_balanced" AFTER INSERT ON "ledger_transactions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_transaction_check_balanced"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_transaction_check_balanced"();--> statement-breakpoint

-- (3) The ledger is append-only: a mistake is corrected by a further transaction, never by rewriting one.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused): correct it with a further transaction', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'LF009';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_transactions_append_only" BEFORE UPDATE OR DELETE ON "ledger_transactions"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_transactions_no_truncate" BEFORE TRUNCATE ON "ledger_transactions"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint

-- (4) and (5) A transaction goes only into an open year of its fund. A payment needs a decision that is
-- approved, signed or published and whose expenditure lines for the programme and year cover every payment
-- under it for them, this one included; and an executed funding agreement of the same fund, programme and
-- decision whose payments stay within its amount. The year's row is locked for share (closing it waits for
-- postings in flight, and postings after it see it closed); the decision and the agreement for update, so
-- that racing payments under them are counted one after the other.
CREATE FUNCTION "ledger_transactions_check_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  year_closed_at timestamptz;
  decision_status text;
  covered bigint;
  paid bigint;
  agreement funding_agreements%ROWTYPE;
BEGIN
  SELECT closed_at INTO year_closed_at FROM fund_years
    WHERE fund_id = NEW.fund_id AND financial_year = NEW.financial_year FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'financial year % is not open in fund %', NEW.financial_year, NEW.fund_id USING ERRCODE = 'LF002';
  END IF;
  IF year_closed_at IS NOT NULL THEN
    RAISE EXCEPTION 'financial year % of fund % is closed', NEW.financial_year, NEW.fund_id USING ERRCODE = 'LF001';
  END IF;
  IF NEW.kind <> 'payment' THEN
    RETURN NEW;
  END IF;

  SELECT status INTO decision_status FROM decisions WHERE id = NEW.decision_id FOR NO KEY UPDATE;
  IF decision_status IS NULL OR decision_status NOT IN ('approved', 'signed', 'published') THEN
    RAISE EXCEPTION 'decision % is not approved (status %)', NEW.decision_id, coalesce(decision_status, 'none')
      USING ERRCODE = 'LF003';
  END IF;
  SELECT coalesce(sum(amount_pence), 0) INTO covered FROM decision_expenditures
    WHERE decision_id = NEW.decision_id AND direction = 'expenditure'
      AND programme_id = NEW.programme_id AND financial_year = NEW.financial_year;
  SELECT coalesce(sum(amount_pence), 0) INTO paid FROM ledger_transactions
    WHERE kind = 'payment' AND decision_id = NEW.decision_id
      AND programme_id = NEW.programme_id AND financial_year = NEW.financial_year;
  IF paid + NEW.amount_pence > covered THEN
    RAISE EXCEPTION 'decision % covers % pence for programme % in %; % pence is paid already',
      NEW.decision_id, covered, NEW.programme_id, NEW.financial_year, paid USING ERRCODE = 'LF004';
  END IF;

  SELECT * INTO agreement FROM funding_agreements WHERE id = NEW.funding_agreement_id FOR UPDATE;
  IF agreement.id IS NULL OR agreement.fund_id <> NEW.fund_id OR agreement.programme_id <> NEW.programme_id
     OR agreement.decision_id <> NEW.decision_id THEN
    RAISE EXCEPTION 'funding agreement % is not for this fund, programme and decision', NEW.funding_agreement_id
      USING ERRCODE = 'LF007';
  END IF;
  IF agreement.status <> 'executed' THEN
    RAISE EXCEPTION 'funding agreement % is not executed (status %)', agreement.id, agreement.status
      USING ERRCODE = 'LF005';
  END IF;
  SELECT coalesce(sum(amount_pence), 0) INTO paid FROM ledger_transactions
    WHERE kind = 'payment' AND funding_agreement_id = agreement.id;
  IF paid + NEW.amount_pence > agreement.amount_pence THEN
    RAISE EXCEPTION 'funding agreement % is for % pence; % pence is paid under it already',
      agreement.id, agreement.amount_pence, paid USING ERRCODE = 'LF006';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_transactions_check_rules" BEFORE INSERT ON "ledger_transactions"
  FOR EACH ROW EXECUTE FUNCTION "ledger_transactions_check_rules"();--> statement-breakpoint

-- Closing a year is final: a closed year is never reopened, and no year is deleted or renumbered.
CREATE FUNCTION "fund_years_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'fund years are never deleted' USING ERRCODE = 'LF009';
  END IF;
  IF NEW.fund_id <> OLD.fund_id OR NEW.financial_year <> OLD.financial_year THEN
    RAISE EXCEPTION 'a fund year is never renumbered' USING ERRCODE = 'LF009';
  END IF;
  IF OLD.closed_at IS NOT NULL AND NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
    RAISE EXCEPTION 'financial year % of fund % is closed, and closing is final', OLD.financial_year, OLD.fund_id
      USING ERRCODE = 'LF011';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "fund_years_guard" BEFORE UPDATE OR DELETE ON "fund_years"
  FOR EACH ROW EXECUTE FUNCTION "fund_years_guard"();--> statement-breakpoint

-- A funding agreement's terms are fixed once it is executed: only its status moves on (draft to executed,
-- executed to terminated; a draft is never terminated, since a terminated agreement keeps its execution date),
-- so payments already made under it stay within its amount.
CREATE FUNCTION "funding_agreements_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'funding agreements are never deleted: terminate one instead' USING ERRCODE = 'LF009';
  END IF;
  IF OLD.status <> 'draft' AND (NEW.fund_id <> OLD.fund_id OR NEW.programme_id <> OLD.programme_id
     OR NEW.decision_id <> OLD.decision_id OR NEW.amount_pence <> OLD.amount_pence
     OR NEW.recipient <> OLD.recipient OR NEW.executed_on IS DISTINCT FROM OLD.executed_on) THEN
    RAISE EXCEPTION 'funding agreement % is % and its terms are fixed', OLD.id, OLD.status USING ERRCODE = 'LF012';
  END IF;
  IF NEW.status <> OLD.status AND NOT (
       (OLD.status = 'draft' AND NEW.status = 'executed')
       OR (OLD.status = 'executed' AND NEW.status = 'terminated')) THEN
    RAISE EXCEPTION 'funding agreement % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'LF012';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "funding_agreements_guard" BEFORE UPDATE OR DELETE ON "funding_agreements"
  FOR EACH ROW EXECUTE FUNCTION "funding_agreements_guard"();
