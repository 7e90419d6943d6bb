# Prepares a Debian Redmine 5 for the bench's peer comparison (bench/README.md, "Peer: Redmine").
# Run in Redmine's folder after `rake db:migrate`, `rake redmine:load_default_data` and the loader
# (scripts/bench/redmine-load.ts, which creates the project custom fields this lists):
#   RAILS_ENV=production REDMINE_BENCH_PASSWORD=… bundle exec rails runner /path/to/scripts/bench/redmine-setup.rb
# Idempotent. Prints the admin's API key on the last line (REDMINE_API_KEY=…).

# The REST API on, and anonymous reading allowed (as Lodestone's LODESTONE_PUBLIC_READ=true).
Setting.rest_api_enabled = '1'
Setting.login_required = '0'
# No mail on a write: Lodestone's status update sends none either.
Setting.notified_events = []
# The project list as wide as Lodestone's: the loaded facts (Region, Stage, Health, Business line) beside the name.
fields = ProjectCustomField.order(:position, :id).to_a
fields.each(&:save!) # normalizes the rows the loader wrote by SQL (format_store)
Setting.project_list_defaults = { 'column_names' => ['name', 'identifier', 'short_description'] + fields.map { |f| "cf_#{f.id}" } }

admin = User.find_by!(login: 'admin')
password = ENV['REDMINE_BENCH_PASSWORD']
if password && !password.empty?
  admin.password = password
  admin.password_confirmation = password
end
admin.must_change_passwd = false
admin.save!
puts "project custom fields: #{fields.map { |f| "#{f.name}=#{f.id}" }.join(', ')}"
puts "REDMINE_API_KEY=#{admin.api_key}"
